# The first entries of sys.path: the script's directory, '' for -c and -m's current directory,
# then PYTHONPATH in order (relative entries made absolute, empty ones dropped), and what
# -E, -I, -P and PYTHONSAFEPATH change. Only the entries this program controls are shown.
import os
import sys
import tempfile
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/_trees")
import childrun

tmp = tempfile.TemporaryDirectory()
root = os.path.realpath(tmp.name)
for d in ["scripts", "pp1", "pp2", "work"]:
    os.makedirs(os.path.join(root, d))
SHOW = "import sys\nprint([p.replace(%r, 'ROOT') if p else repr(p) for p in sys.path if p == '' or p.startswith(%r)])\n" % (root, root)
with open(os.path.join(root, "scripts", "show.py"), "w") as f:
    f.write(SHOW)
with open(os.path.join(root, "work", "showmod.py"), "w") as f:
    f.write(SHOW)

def run(title, args, **env):
    rc, out, err = childrun.run(args, childrun.clean_env(**env), cwd=os.path.join(root, "work"))
    err = err.replace(childrun.interpreter(), "PYTHON")
    print(title.ljust(34), rc, out.strip(), err.strip().replace(root, "ROOT")[-200:])

pp = os.path.join(root, "pp1") + "::" + "../pp2" + ":" + os.path.join(root, "pp1")
run("script", [os.path.join(root, "scripts", "show.py")])
run("script + PYTHONPATH", [os.path.join(root, "scripts", "show.py")], PYTHONPATH=pp)
run("-c + PYTHONPATH", ["-c", SHOW], PYTHONPATH=pp)
run("-m + PYTHONPATH", ["-m", "showmod"], PYTHONPATH=pp)
run("-E script + PYTHONPATH", ["-E", os.path.join(root, "scripts", "show.py")], PYTHONPATH=pp)
run("-I script + PYTHONPATH", ["-I", os.path.join(root, "scripts", "show.py")], PYTHONPATH=pp)
run("-P script", ["-P", os.path.join(root, "scripts", "show.py")])
run("-P -c", ["-P", "-c", SHOW])
run("PYTHONSAFEPATH=1 -m", ["-m", "showmod"], PYTHONSAFEPATH="1")
run("script via relative path", ["../scripts/show.py"])
run("flags", ["-I", "-c", "import sys; print(sys.flags.isolated, sys.flags.ignore_environment, sys.flags.safe_path, sys.flags.no_user_site)"])
tmp.cleanup()
