"""Whole-page and fragment cache for anonymous visitors, kept per village generation.
May import the sitecore core only; every concern and app may import it."""
