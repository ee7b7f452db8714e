"""Readers' comments on articles: model, posting rules, public form and view, moderation.
May import the sitecore core only; it knows articles by their page, not their class."""
