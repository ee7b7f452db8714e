"""Photo albums and the partner links (Sinergi Program) of a village, with their widgets.
May import the sitecore core only."""
