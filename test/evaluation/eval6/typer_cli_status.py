"""`svc` CLI: shows the status of a deployed service."""
import os

import httpx
import typer
from rich.console import Console

app = typer.Typer()
console = Console()
API = os.environ.get("SVC_API", "https://control.example.dev/api/v1")


@app.command()
def status(name: str, token: str = typer.Option(..., envvar="SVC_TOKEN")) -> None:
    try:
        resp = httpx.get(f"{API}/services/{name}", headers={"Authorization": f"Bearer {token}"}, timeout=10)
        resp.raise_for_status()
    except httpx.HTTPStatusError as exc:
        match exc.response.status_code:
            case 401 | 403:
                console.print("[red]Not authorised. Run `svc login`.[/red]")
            case 404:
                console.print(f"[yellow]No service named {name}.[/yellow]")
            case 409:
                console.print("[yellow]Service is being redeployed; status unavailable.[/yellow]")
            case _:
                console.print(f"[red]Error {exc.response.status_code}[/red]")
        raise typer.Exit(1)

    svc = resp.json()
    console.print(f"[bold]{svc['name']}[/bold] {svc['state']} ({svc['replicas']} replicas)")
    for inst in svc.get("instances", []):
        console.print(f"  {inst['id']}  {inst['zone']}  {inst['health']}")


@app.command()
def logs(name: str, tail: int = 50) -> None:
    console.print(f"tailing {tail} lines of {name} ...")


if __name__ == "__main__":
    app()
