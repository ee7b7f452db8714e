"""`make bench` (docs/performance.md): data generator, load driver, probe, /ping/ and commands.
May import every product app; nothing in the product (sitecore and the domain apps) imports it."""
