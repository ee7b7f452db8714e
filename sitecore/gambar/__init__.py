"""Image hygiene for every upload: pixel limit before decoding, removal of the location.
May import the sitecore core only (complaint attachments in pengaduan use it too)."""
