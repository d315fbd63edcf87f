import { displayName, valueStates, type Choice, type MatrixVariant, type OptionDimension, type ValueState } from "./option-matrix";

const COLOUR_KEYS = new Set(["colour", "color"]);

/** Swatches for the catalog's colour names CSS does not know (or draws too harshly); others are tried as CSS colours. */
const SWATCHES: Record<string, string> = { black: "#232326", navy: "#1f2d55", olive: "#66682d", sand: "#d9c7a3", rust: "#a4461f" };

/** Said after the value's name, so a disabled or sold-out choice is announced as such. */
const STATE_TEXT: Record<ValueState, string> = { available: "", soldOut: ", sold out", unavailable: ", unavailable" };

/**
 * One radio group per option (native radios, so arrow keys and screen readers work as
 * usual), styled as buttons, colours as named swatches. Values that do not exist with
 * the options chosen before them are disabled, sold-out ones struck but selectable.
 */
export function OptionPicker({
  variants,
  dimensions,
  choice,
  onChoose,
}: {
  variants: MatrixVariant[];
  dimensions: OptionDimension[];
  choice: Choice;
  onChoose: (key: string, value: string) => void;
}) {
  return (
    <div className="stack option-picker" data-testid="option-picker">
      {dimensions.map(({ key, values }) => {
        const states = valueStates(variants, dimensions, choice, key);
        const swatches = COLOUR_KEYS.has(key.toLowerCase());
        return (
          <fieldset key={key} className="option-group">
            <legend className="field-label">{displayName(key)}</legend>
            <div className="option-values">
              {values.map((value) => {
                const state = states.get(value) ?? "unavailable";
                return (
                  <label key={value} className={swatches ? "option-value option-swatch" : "option-value"} data-state={state}>
                    <input
                      type="radio"
                      name={`option-${key}`}
                      value={value}
                      checked={choice[key] === value}
                      disabled={state === "unavailable"}
                      // The visible name plus its state; from the label's flex items the browser would join them with stray spaces.
                      aria-label={`${displayName(value)}${STATE_TEXT[state]}`}
                      onChange={() => onChoose(key, value)}
                    />
                    {swatches ? <span className="swatch" style={{ backgroundColor: SWATCHES[value.toLowerCase()] ?? value }} aria-hidden="true" /> : null}
                    <span className="option-name">{displayName(value)}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
