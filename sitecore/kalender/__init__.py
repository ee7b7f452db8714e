"""The working-day calendar shared by complaints and information requests, and holidays.
May import the sitecore core only."""
