"""The live room: questions the room answers from their phones.

* :mod:`ccexercise.room.questions`: a :class:`Question` (rating, NPS, choice,
  text, ideas) as a run sheet declares it, and the answers it takes;
* :mod:`ccexercise.room.store`: the session's SQLite file (:class:`RoomStore`),
  written the moment an answer arrives;
* :mod:`ccexercise.room.results`: what the room answered, summed up (:func:`summarize`);
* :mod:`ccexercise.room.client`: the trainer's page talking to the room server
  (:class:`RoomClient`);
* :mod:`ccexercise.room.launch`: the server's command line and address
  (:func:`room_command`, :func:`room_env`, :func:`connection_help`);
* :mod:`ccexercise.room.server`: the Tornado server itself; imported on its own
  (``python -m ccexercise.room``), never from here, so this package stays light.
"""

from .client import RoomClient, RoomError
from .launch import connection_help, room_command, room_env
from .questions import KINDS, Question, parse_poll
from .results import summarize
from .store import RoomStore, default_store_path

__all__ = ["KINDS", "Question", "RoomClient", "RoomError", "RoomStore", "connection_help",
           "default_store_path", "parse_poll", "room_command", "room_env", "summarize"]
