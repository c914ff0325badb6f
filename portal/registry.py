"""What apps add to shared pages when they start (navigation sections, front-page panels):
each item has a unique key and an order, and is read back in that order."""

from __future__ import annotations

from typing import Generic, Protocol, TypeVar


class Registrable(Protocol):
    key: str
    order: int


Item = TypeVar("Item", bound=Registrable)


class Registry(Generic[Item]):
    def __init__(self, what: str):
        self.what = what  # for the error message: "navigation section", "front-page panel"
        self._items: list[Item] = []

    def add(self, *items: Item) -> None:
        taken = {item.key for item in self._items}
        for item in items:
            if item.key in taken:
                raise ValueError(f"A {self.what} {item.key!r} is registered already.")
            taken.add(item.key)
            self._items.append(item)
        self._items.sort(key=lambda item: (item.order, item.key))

    def __iter__(self):
        return iter(self._items)
