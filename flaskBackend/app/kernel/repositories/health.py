"""Asks the database whether it answers."""

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session


class DatabaseProbe:
    def __init__(self, session: Session) -> None:
        self.session = session

    def answers(self) -> bool:
        try:
            self.session.execute(text("SELECT 1"))
        except DBAPIError:
            return False
        return True
