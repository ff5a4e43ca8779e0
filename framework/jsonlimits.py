"""Limits on the shape of a JSON request body, checked once it is parsed: a body nested deeper
than the responses can be serialized (orjson stops at 254 levels) or carrying a huge string
is refused with a 400 before any resource sees it."""


class JsonLimitError(ValueError):
    """A parsed body beyond the limits; the message is the 400's."""


def check_shape(value, max_depth, max_string_length):
    """Raise ``JsonLimitError`` when ``value`` nests deeper than ``max_depth`` containers or
    holds a string (value or key) longer than ``max_string_length`` characters."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, str):
            if len(item) > max_string_length:
                raise JsonLimitError(f"A string of the request body is longer than "
                                     f"{max_string_length} characters.")
            continue
        if not isinstance(item, (dict, list)):
            continue
        if depth > max_depth:
            raise JsonLimitError(f"The request body is nested deeper than {max_depth} levels.")
        if isinstance(item, dict):
            pending.extend((key, depth) for key in item)
            pending.extend((child, depth + 1) for child in item.values())
        else:
            pending.extend((child, depth + 1) for child in item)
