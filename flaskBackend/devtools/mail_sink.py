"""A local SMTP server that keeps every message as an .eml file instead of delivering it.

    python -m devtools.mail_sink --port 1025 --dir ../.run/mail

`make dev` starts it and points SMTP_URL at it; the tests start the same handler in-process.
Open a saved .eml with any mail client, or read it as text.
"""

from __future__ import annotations

import argparse
import itertools
import threading
import time
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller


class EmlFolder:
    """aiosmtpd handler: writes each message it receives to DIR/<time>-<n>.eml."""

    def __init__(self, folder: Path, *, announce: bool = False) -> None:
        self.folder = folder
        self.announce = announce
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()
        folder.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self._lock:
            name = f"{time.strftime('%Y%m%d-%H%M%S')}-{next(self._numbers):04d}.eml"
        path = self.folder / name
        path.write_bytes(envelope.original_content or envelope.content)
        if self.announce:
            print(f"mail to {', '.join(envelope.rcpt_tos)}: {path}", flush=True)
        return "250 Message accepted for delivery"

    def messages(self) -> list[Path]:
        return sorted(self.folder.glob("*.eml"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=1025)
    parser.add_argument("--dir", type=Path, default=Path("mail"))
    args = parser.parse_args()
    controller = Controller(EmlFolder(args.dir, announce=True), hostname=args.host, port=args.port)
    controller.start()
    print(f"mail sink on smtp://{args.host}:{args.port}; messages in {args.dir.resolve()}/")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
