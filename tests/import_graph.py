"""The project's import graph, read from the source (every import, at any depth of a module);
`python -m tests.import_graph` draws it, layer by layer (bin/imports)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("gateway", "workers", "config")

# Top to bottom: a module may import from its own layer (without a circle) or any lower one.
LAYERS = (
    ("entry points", ("gateway", "gateway.web", "gateway.cli", "gateway.demo", "workers")),
    ("sessions and keywords", ("gateway.sessions", "gateway.sms")),
    ("flows", ("gateway.flows",)),
    ("services", ()),  # everything not named in another layer
    (
        "the outbox and what it asks",
        ("gateway.transactions", "gateway.sending", "gateway.outbox", "gateway.outbox_jobs")
        + ("gateway.providers",)
        + ("gateway.budget",)
        + ("gateway.contacts", "gateway.dead_numbers", "gateway.limits", "gateway.quiet_hours")
        + ("gateway.officers",),
    ),
    ("storage", ("gateway.models", "gateway.fields", "gateway.statuses", "gateway.db", "config")),
    (
        "utilities",
        ("gateway.clock", "gateway.crypto", "gateway.gsm7", "gateway.phone", "gateway.queues")
        + ("gateway.i18n",),
    ),
)

SERVICES = 3


def modules() -> dict[str, Path]:
    """Every module of the project by dotted name."""
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def graph() -> dict[str, set[str]]:
    """Each module and the project modules it imports."""
    known = modules()
    edges: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets = [
                    f"{node.module}.{alias.name}"
                    if f"{node.module}.{alias.name}" in known
                    else node.module
                    for alias in node.names
                ]
            else:
                continue
            edges[name] |= {target for target in targets if target in known and target != name}
    return edges


def layer_of(module: str) -> int:
    """The index in LAYERS of the layer a module belongs to (the longest prefix named wins)."""
    best, best_length = SERVICES, 0
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            matches = module == prefix or (prefix != "gateway" and module.startswith(prefix + "."))
            if matches and len(prefix) > best_length:
                best, best_length = index, len(prefix)
    return best


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round about (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while (member := stack.pop()) != node:
                group.append(member)
            group.append(node)
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def upward(edges: dict[str, set[str]]) -> list[str]:
    """Imports that go up the layers: a lower module reaching into a higher one."""
    return [
        f"{source} ({LAYERS[layer_of(source)][0]}) -> {target} ({LAYERS[layer_of(target)][0]})"
        for source, targets in sorted(edges.items())
        for target in sorted(targets)
        if layer_of(target) < layer_of(source)
    ]


def draw() -> str:
    """The graph as text: each layer, its modules, and what each imports from the project."""
    edges = graph()
    lines = []
    for number, (title, _) in enumerate(LAYERS):
        lines.append(f"== {title}")
        for module in sorted(m for m in edges if layer_of(m) == number):
            imported = ", ".join(sorted(t.removeprefix("gateway.") for t in edges[module]))
            lines.append(f"  {module.removeprefix('gateway.')} -> {imported or '(nothing)'}")
    problems = circles(edges)
    lines.append(f"circles: {problems or 'none'}; upward imports: {upward(edges) or 'none'}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(draw())
