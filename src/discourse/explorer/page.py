"""One self-contained HTML page from a Bokeh layout: inline scripts, deterministic ids.

* **Self-contained**: BokehJS (and the widget and table bundles the layout needs) is
  inlined from the installed ``bokeh`` package (``bokeh.resources.INLINE``), the
  document is embedded as JSON with ``bokeh.embed.json_item`` and shown with
  ``Bokeh.embed.embed_item``. A Content-Security-Policy in the page forbids loading
  anything from any address, so a request that slipped in would fail loudly.
* **Deterministic**: Bokeh numbers its models with a process-wide counter (``p1001``
  ...) and gives embedded roots random UUIDs. :func:`item_json` uses ``json_item``
  with a fixed target (no UUID) and renames every model id to ``e1, e2, ...`` in the
  order the serialised document first mentions it, so the same layout gives the same
  bytes whatever was built before in the process.
"""

from __future__ import annotations

import json
from importlib import resources
from string import Template

__all__ = ["TARGET", "stable_ids", "item_json", "render_page"]

#: The id of the element the layout is drawn into.
TARGET = "explorer"


def _walk_ids(node, mapping: dict) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("id"), str) and (node.get("type") == "object"
                                                or set(node) == {"id"}):
            mapping.setdefault(node["id"], f"e{len(mapping) + 1}")
        for value in node.values():
            _walk_ids(value, mapping)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _walk_ids(value, mapping)


def _rename(node, mapping: dict):
    if isinstance(node, dict):
        out = {k: _rename(v, mapping) for k, v in node.items()}
        if isinstance(out.get("id"), str) and out["id"] in mapping and (
                out.get("type") == "object" or set(out) == {"id"}):
            out["id"] = mapping[out["id"]]
        return out
    if isinstance(node, (list, tuple)):
        return [_rename(v, mapping) for v in node]
    return node


def stable_ids(item: dict) -> dict:
    """``item`` (from ``bokeh.embed.json_item``) with model ids ``e1, e2, ...``.

    Ids are those of model objects (``{"type": "object", "id": ...}``) and of
    references to them (``{"id": ...}``), numbered in order of first mention in a
    depth-first walk; ``root_id`` follows. No other value changes.

    Examples
    --------
    >>> stable_ids({"root_id": "p7", "doc": {"roots": [{"type": "object", "id": "p7",
    ...     "attributes": {"x": {"id": "p9"}, "id": "p9"}}]}})["doc"]
    {'roots': [{'type': 'object', 'id': 'e1', 'attributes': {'x': {'id': 'e2'}, 'id': 'p9'}}]}
    """
    mapping: dict = {}
    _walk_ids(item.get("doc"), mapping)
    out = dict(item)
    out["doc"] = _rename(item.get("doc"), mapping)
    if "root_id" in out:
        out["root_id"] = mapping.get(out["root_id"], out["root_id"])
    return out


def item_json(layout) -> str:
    """The layout as ``json_item`` JSON, with stable ids, safe inside ``<script>``."""
    from bokeh.embed import json_item

    item = stable_ids(json_item(layout, TARGET))
    text = json.dumps(item, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    # '<', '>' and '&' only occur inside JSON strings, where these escapes mean the same
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_page(layout, *, title: str, header: str, footer: str, head: str = "") -> str:
    """The whole page: inline BokehJS, the layout's JSON, a header and a footer.

    Parameters
    ----------
    layout : bokeh.models.LayoutDOM
    title : str
        Plain text (escaped here).
    header, footer : str
        HTML, shown above and below the layout.
    head : str, optional
        HTML elements added to the page's ``<head>`` after its title, each on a line of
        its own (default: none).
    """
    import html

    from bokeh.embed.bundle import bundle_for_objs_and_resources
    from bokeh.resources import INLINE

    bundle = bundle_for_objs_and_resources([layout], INLINE)
    if bundle.js_files or bundle.css_files:         # would load from an address
        raise RuntimeError("the Bokeh bundle refers to external files: "
                           f"{bundle.js_files + bundle.css_files}")
    js = "\n".join(f"<script>\n{code}\n</script>" for code in bundle.js_raw)
    css = "\n".join(f"<style>\n{code}\n</style>" for code in bundle.css_raw)
    template = resources.files("discourse.explorer").joinpath("page.html") \
        .read_text(encoding="utf-8")
    return Template(template).substitute(title=html.escape(title), bokeh_css=css,
                                         bokeh_js=js, header=header, footer=footer, head=head,
                                         item=item_json(layout))
