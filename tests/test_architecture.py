"""The code's shape as issue 13 left it: small modules and no import cycles.

The dependency rules between apps and between sitecore's rooms are import-linter
contracts in pyproject.toml (`make lint`); these two checks are finer than its contracts:
a cycle between any two modules (a package's __init__ included), and module size.
"""

from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
APPS = ("sitecore", "pengaduan", "transparansi", "agenda")
MAX_LINES = 400


def _import_cycles(graph, modules):
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index, low, on_stack, stack, cycles = {}, {}, set(), [], []
    counter = 0
    for root in sorted(modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root) & modules)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    imported = graph.find_modules_directly_imported_by(child) & modules
                    work.append((child, iter(sorted(imported))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    cycles.append(sorted(component))
    return cycles


def test_no_import_cycle_between_modules():
    graph = grimp.build_graph(*APPS, cache_dir=None)
    modules = {m for m in graph.modules if ".migrations" not in m}
    assert _import_cycles(graph, modules) == []


def test_cycle_finder_sees_a_cycle():
    graph = grimp.ImportGraph()
    for name in ("a", "a.b", "a.c", "a.d"):
        graph.add_module(name)
    graph.add_import(importer="a.b", imported="a.c")
    graph.add_import(importer="a.c", imported="a")
    graph.add_import(importer="a", imported="a.b")
    graph.add_import(importer="a.d", imported="a.b")
    assert _import_cycles(graph, set(graph.modules)) == [["a", "a.b", "a.c"]]


def test_no_module_over_400_lines():
    too_long = {
        str(path.relative_to(ROOT)): n
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}
