"""Whole-page and fragment cache for anonymous visitors, invalidated by the kind of content
a page shows. May import the sitecore core only; every concern and app may import it."""
