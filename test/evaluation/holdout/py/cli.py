"""`tenantctl` — small admin CLI for the tenants API."""
import json
import sys

import click
import requests

API = "https://tenants.internal.example.com/v1"


def _session(token: str) -> requests.Session:
    s = requests.Session()
    s.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})
    return s


@click.group()
@click.option("--token", envvar="TENANTS_TOKEN", required=True)
@click.pass_context
def cli(ctx, token):
    ctx.obj = _session(token)


@cli.command()
@click.argument("tenant_id")
@click.pass_obj
def show(session, tenant_id):
    resp = session.get(f"{API}/tenants/{tenant_id}", timeout=10)
    if resp.status_code == 404:
        click.echo(f"no tenant {tenant_id}", err=True)
        sys.exit(2)
    resp.raise_for_status()
    click.echo(json.dumps(resp.json(), indent=2))


@cli.command()
@click.argument("ids_file", type=click.File())
@click.option("--plan", required=True)
@click.pass_obj
def set_plan(session, ids_file, plan):
    failed = 0
    for line in ids_file:
        tenant_id = line.strip()
        if not tenant_id:
            continue
        resp = session.put(f"{API}/tenants/{tenant_id}/plan", json={"plan": plan}, timeout=10)
        if not resp.ok:
            failed += 1
            click.echo(f"{tenant_id}: {resp.status_code} {resp.text[:200]}", err=True)
    click.echo(f"done, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    cli()
