"""The house's rules, read from the source: imports point down the layers, never in a circle;
screens, keyword handlers and views reach storage only through services."""

import ast

from gateway.models import ALL_MODELS
from tests import import_graph

EDGES = import_graph.graph()


def test_no_module_imports_itself_round_about():
    assert import_graph.circles(EDGES) == []


def test_imports_only_point_down_the_layers():
    assert import_graph.upward(EDGES) == []


def test_views_screens_and_keywords_never_touch_the_models():
    callers = [m for m in EDGES if m.startswith(("gateway.web", "gateway.flows", "gateway.sms"))]
    assert len(callers) > 20
    assert [m for m in callers if "gateway.models" in EDGES[m]] == []


def test_views_screens_and_keywords_reach_no_model_through_a_service():
    models = {model.__name__ for model in ALL_MODELS}
    reached = [
        f"{name}: {node.value.id}.{node.attr}"
        for name, path in import_graph.modules().items()
        if name.startswith(("gateway.web", "gateway.flows", "gateway.sms"))
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Attribute)
        and node.attr in models
        and isinstance(node.value, ast.Name)
    ]
    assert reached == []  # e.g. people.Person.get(...): the query belongs in the service


def test_the_outbox_is_a_leaf_below_alerts():
    assert "gateway.alerts" not in EDGES["gateway.outbox"]
    assert import_graph.layer_of("gateway.outbox") > import_graph.layer_of("gateway.alerts")


def test_every_module_says_first_what_it_holds():
    silent = [
        name
        for name, path in import_graph.modules().items()
        if not ast.get_docstring(ast.parse(path.read_text()))
    ]
    assert silent == []


def test_the_checker_sees_an_upward_import_and_a_circle():
    edges = {"gateway.models": {"gateway.alerts"}, "gateway.alerts": {"gateway.models"}}
    assert import_graph.circles(edges) == [["gateway.alerts", "gateway.models"]]
    assert import_graph.upward(edges) == ["gateway.models (storage) -> gateway.alerts (services)"]
