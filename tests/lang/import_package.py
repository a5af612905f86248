import pkg
print(pkg.PKG_NAME, pkg.helper())
from pkg import util
print(util.helper())
import pkg.sub
print(pkg.sub.LEVEL, pkg.sub.h2(), pkg.sub.util is util)
from pkg.sub.leaf import where
print(where())
import pkg.sub.leaf as leaf
print(leaf.where(), leaf.__name__)
