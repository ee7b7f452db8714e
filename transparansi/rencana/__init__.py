"""Development plans (RPJMDes/RKPDes): an activity's page and the proposals it takes up.

May import transparansi.models submodules and transparansi.apbdes; never the models package.
"""
