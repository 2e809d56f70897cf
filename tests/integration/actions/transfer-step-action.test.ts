// The transfer step action judges the step it is sent before anything else: a made-up step is the form's error.
import { describe, expect, it } from "vitest";
import { transferStepAction } from "../../../app/(app)/transfers/actions";
import { initialFormState } from "../../../lib/http/form-state";

describe("transferStepAction", () => {
  it("answers an unknown step name as a refusal on `step`, not a server error", async () => {
    for (const step of ["explode", "", "constructor", "__proto__"]) {
      const form = new FormData();
      form.set("id", "00000000-0000-0000-0000-000000000000");
      form.set("step", step);
      const state = await transferStepAction(initialFormState, form);
      expect(state, step).toMatchObject({ ok: false, fieldErrors: { step: expect.any(String) } });
    }
  });
});
