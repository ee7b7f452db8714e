"""Visitor and read counting: the beacon, batched counters, daily totals, the widget.
May import the sitecore core only; read-counted page types register with it."""
