"""Population statistics: pages with dated snapshots, totals and charts, CSV import.
May import the sitecore core only."""
