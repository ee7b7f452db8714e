def seed(site, data):
    pass
