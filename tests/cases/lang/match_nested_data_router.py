# Matching nested JSON-like data with mixed pattern kinds.
def route(req):
    match req:
        case {"method": "GET", "path": ["users", str(uid)]} if uid.isdigit():
            return f"get user {int(uid)}"
        case {"method": "GET", "path": ["users"], "query": {"page": int(p)}}:
            return f"list users page {p}"
        case {"method": "POST", "path": ["users"], "body": {"name": str(name), **extra}}:
            return f"create {name} extra={sorted(extra)}"
        case {"method": ("PUT" | "PATCH") as m, "path": ["users", uid, *rest]}:
            return f"{m} {uid} rest={rest}"
        case {"method": m, "path": [*segments]}:
            return f"unsupported {m} /{'/'.join(segments)}"
        case _:
            return "malformed"
reqs = [
    {"method": "GET", "path": ["users", "42"]},
    {"method": "GET", "path": ["users", "me"]},
    {"method": "GET", "path": ["users"], "query": {"page": 2}},
    {"method": "POST", "path": ["users"], "body": {"name": "ann", "age": 3, "x": 0}},
    {"method": "PATCH", "path": ["users", "7", "email", "primary"]},
    {"method": "DELETE", "path": ("a", "b")},
    {"path": []},
]
for r in reqs:
    print(route(r))
