def test_dump(prod, query_counter):
    task = prod.shot_task()
    person, _ = prod.member()
    prod.assign(task, person)
    prod.comment(task, text="hi")
    prod.comment(task, text="ho")
    for path in [f"/data/projects/{prod.project_id}", f"/data/tasks/{task['id']}/comments", f"/data/tasks/{task['id']}", "/auth/authenticated"]:
        with query_counter() as log:
            r = prod.call("GET", path)
        print("\n=====", path, r.status_code, log.count)
        for s in log.statements:
            print("  --", s[:900])
