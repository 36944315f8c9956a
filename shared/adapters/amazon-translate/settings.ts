/** TranslationSettings as TranslateText takes them, and as translations/<lang>.json records them. */
import type { TranslateTextCommandInput } from "@aws-sdk/client-translate";
import type { TranslationSettings } from "../../pipeline/config";
import type { EngineSettings } from "../../translate/port";

export function requestSettings(
  settings: TranslationSettings,
): Pick<TranslateTextCommandInput, "Settings" | "TerminologyNames"> {
  const request: Pick<TranslateTextCommandInput, "Settings" | "TerminologyNames"> = {};
  const engine: NonNullable<TranslateTextCommandInput["Settings"]> = {};
  if (settings.formality) engine.Formality = settings.formality;
  if (settings.profanity) engine.Profanity = "MASK";
  if (settings.brevity) engine.Brevity = "ON";
  if (Object.keys(engine).length > 0) request.Settings = engine;
  if (settings.terminologyNames.length > 0)
    request.TerminologyNames = [...settings.terminologyNames];
  return request;
}

export function recordedSettings(settings: TranslationSettings): EngineSettings {
  const recorded: EngineSettings = {
    profanity: settings.profanity,
    brevity: settings.brevity,
    terminologyNames: [...settings.terminologyNames],
  };
  if (settings.formality) recorded.formality = settings.formality;
  return recorded;
}
