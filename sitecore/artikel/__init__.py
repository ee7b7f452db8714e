"""Village news: the article index and page, categories and tags, the RSS feed, widgets.
May import the sitecore core, komentar (comments on articles), pengunjung (reads) and pagecache."""
