# package for import_relative.py
print("_relpkg init", __name__)
TOP = "top"
from . import alpha
