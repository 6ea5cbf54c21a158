"""Typed errors raised by the library; the CLI turns them into one-line messages.

Each pickles with its own fields (`__reduce__`), so an error raised in a worker process arrives whole.
"""
import pickle


class KhabarError(Exception):
    """Base class of every error khabar raises on purpose."""


class InputError(KhabarError):
    """An input (file, line, record) that cannot be read; names the input and the problem."""

    def __init__(self, source: str, problem: str, line: int | None = None):
        self.source, self.problem, self.line = source, problem, line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")

    def __reduce__(self):
        return type(self), (self.source, self.problem, self.line)


class PipelineError(KhabarError):
    """A pipeline that cannot be built: unknown stage or unmet requirement."""


class UnknownLayerError(PipelineError):
    """A stage that uses a layer no registered stage adds."""

    def __init__(self, stage: str, layer: str):
        self.stage, self.layer = stage, layer
        super().__init__(f"stage {stage} uses layer {layer!r}, which no registered stage adds")

    def __reduce__(self):
        return type(self), (self.stage, self.layer)


class StageError(KhabarError):
    """A stage failed on one article; the batch records it and moves on."""

    def __init__(self, stage: str, article_id: str, cause: BaseException, origin: str = ""):
        self.stage, self.article_id, self.cause, self.origin = stage, article_id, cause, origin
        where = f"{origin}: " if origin else ""
        super().__init__(f"{where}article {article_id}: stage {stage} failed: {type(cause).__name__}: {cause}")

    def __reduce__(self):
        return type(self), (self.stage, self.article_id, portable(self.cause), self.origin)


def portable(err: BaseException) -> BaseException:
    """`err` when it survives pickling, else a RuntimeError with its type and message."""
    try:
        return pickle.loads(pickle.dumps(err))
    except Exception:  # any exception type may refuse pickling in its own way
        return RuntimeError(f"{type(err).__name__}: {err}")


class ResourceError(KhabarError):
    """A language-resource data file that is missing or fails its schema check."""
