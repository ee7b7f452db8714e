"""Demo content for `make demo`: two villages with their pages, news, statistics, gallery.
May import anything in sitecore; the other apps add theirs through register_demo_seeder."""
