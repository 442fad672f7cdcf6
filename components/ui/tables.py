"""Tables of text cells, shared by the panels and the background jobs."""

from dash import html


def html_table(header, rows, class_name="comparison"):
    """A table of text cells: a header row and a row of cells for each of `rows`."""
    return html.Table(className=class_name, children=[
        html.Thead(html.Tr([html.Th(h) for h in header])),
        html.Tbody([html.Tr([html.Td(cell) for cell in row]) for row in rows]),
    ])
