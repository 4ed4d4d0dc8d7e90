"""Check example bodies against the official Python SDK's own models.

Reads a JSON list of {"where", "schema", "value"} on stdin (the spec's examples, sent by
test/fixtures-fresh.test.ts) and prints a JSON list of the ones the SDK model of the same name
rejects, with the reason. Schemas without a Python model of that name are reported as skipped.
"""

import json
import sys

import tinker.types as types
from tinker.lib.public_interfaces.rest_client import _SessionTraceExportPollResponse
from tinker.types.try_again_response import TryAgainResponse

EXTRA_MODELS = {"TryAgainResponse": TryAgainResponse, "SessionTraceExportResponse": _SessionTraceExportPollResponse}

rejected = []
skipped = set()
for example in json.load(sys.stdin):
    model = EXTRA_MODELS.get(example["schema"]) or getattr(types, example["schema"], None)
    if model is None or not hasattr(model, "model_validate"):
        skipped.add(example["schema"])
        continue
    try:
        model.model_validate(example["value"])
    except Exception as error:  # pydantic.ValidationError, reported as text
        rejected.append({"where": example["where"], "schema": example["schema"], "error": str(error)})
json.dump({"rejected": rejected, "skipped": sorted(skipped)}, sys.stdout, indent=2)
sys.stdout.write("\n")
