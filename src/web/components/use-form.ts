/**
 * One binding between a form's values, its field components and its problems.
 *
 * ```tsx
 * const form = useForm({
 *   formKey: 'createUser',                       // errors.fields.<formKey>.<path>.<code> texts
 *   initial: { username: '', role: '', active: false },
 *   fields: {                                    // request path → input id and visible label
 *     username: { id: 'new-username', label: t('createUser.username') },
 *     role: { id: 'new-role', label: t('createUser.role') },
 *     active: { id: 'new-active', label: t('createUser.active') },
 *   },
 *   serverErrors: { USER_USERNAME_TAKEN: { path: 'username', code: 'taken' } },
 * });
 *
 * <TextField {...form.field('username')} autoComplete="off" />   // id, label, value, onChange, error
 * <SelectField {...form.field('role')} options={roles} />
 * <TextAreaField {...form.field('note')} />  <DateField {...form.field('validFrom')} />
 * <RadioGroup {...form.radio('kind')} options={kinds} inline />  // id, name, legend, value, onChange, error
 * <CheckboxField {...form.checkbox('active')} />                  // id, label, checked, onChange
 * <CheckboxGroup {...form.checkboxList('grounds')} options={grounds} />   // a string[]: id, legend, values, …
 * <CheckboxGroup {...form.checkboxFlags(['a', 'b'])} options={[a, b]} /> // booleans shown as one list
 * <FileField {...form.file('file')} accept=".csv" />               // a File | null: id, label, onChange, error
 *
 * onSubmit: if (form.failed(problems)) return;  mutate(…, { onSuccess: form.clear, onError: form.reportError })
 * {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
 * ```
 *
 * `reportError` puts a 400's field errors on the fields (through `mapServerField`, if given), turns an
 * error code listed in `serverErrors` into a problem of one field, and shows anything else above the
 * form. A label or id given after the spread wins (`<TextField {...form.field('x')} label="…" />`).
 * A field whose problems sit under another path (`firstEpisode.situation`) takes `{ path }`: its id
 * and label then come from that path's entry in `fields`, if there is one.
 */
import { type ChangeEvent, type SetStateAction, useCallback, useState } from 'react';
import { ApiError, type FieldError } from '../api';
import { type FieldMap, type FormProblemsState, useFormProblems } from './form-problems';

/** A server error code that belongs to one field: its path and the field code whose text explains it. */
export interface ServerFieldError {
  path: string;
  code: string;
}

/** Options of {@link useForm}. */
export interface UseFormOptions<V> {
  /** Names the form's field texts: `errors.fields.<formKey>.<path>.<code>`. */
  formKey?: string;
  /** The values of an empty form (or a function that makes them). */
  initial: V | (() => V);
  /**
   * Request path → input id and visible label, in the order of the form (the error summary's order);
   * a function when the fields depend on the values (rows of a table that follow a choice).
   */
  fields?: FieldMap | ((values: V) => FieldMap);
  /** Error codes of the API that are a problem of one field (e.g. a username that is taken). */
  serverErrors?: Record<string, ServerFieldError>;
  /** Renames the server's field problems into the form's terms; `null` keeps a problem as it is. */
  mapServerField?: (field: FieldError) => FieldError | null;
}

type KeysOf<V, T> = { [K in keyof V]-?: V[K] extends T ? K : never }[keyof V] & string;

/** Props for a text input, select, text area or date field. */
export interface BoundField {
  id: string;
  label: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  error: string | undefined;
}

/** Props for a {@link RadioGroup}. */
export interface BoundRadio {
  id: string;
  name: string;
  legend: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** Props for a {@link CheckboxGroup}: a list of choices, as one value. */
export interface BoundCheckboxList {
  id: string;
  legend: string;
  values: string[];
  onChange: (values: string[]) => void;
  error: string | undefined;
}

/** Props for a {@link FileField}. */
export interface BoundFile {
  id: string;
  name: string;
  label: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  error: string | undefined;
}

/** Props for a {@link CheckboxField}. */
export interface BoundCheckbox {
  id: string;
  label: string;
  checked: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

/** Where a bound field shows its problems, when that is not its own name. */
export interface BindOptions {
  /** The request path whose problems the field shows; defaults to the value's name. */
  path?: string;
  /** Also called when the user changes the value (e.g. to forget what depended on it). */
  onChanged?: () => void;
}

/** How {@link FormState.checkboxList} binds. */
export interface CheckboxListOptions<V> extends BindOptions {
  /** A list whose choices this one takes away: a choice is in one of the two, never both. */
  exclusiveOf?: KeysOf<V, string[]>;
}

/** The result of {@link useForm}: the values, the binders and everything of {@link useFormProblems}. */
export interface FormState<V> extends FormProblemsState {
  values: V;
  setValues: (next: SetStateAction<V>) => void;
  /** Sets one value. */
  set: <K extends keyof V>(name: K, value: V[K]) => void;
  /** Back to the initial values (problems stay; call `clear` for those). */
  reset: () => void;
  field: (name: KeysOf<V, string>, options?: BindOptions) => BoundField;
  radio: (name: KeysOf<V, string>, options?: BindOptions) => BoundRadio;
  checkbox: (name: KeysOf<V, boolean>) => BoundCheckbox;
  /** A list of choices (`string[]`) for a {@link CheckboxGroup}. */
  checkboxList: (name: KeysOf<V, string[]>, options?: CheckboxListOptions<V>) => BoundCheckboxList;
  /**
   * Booleans shown as one {@link CheckboxGroup} whose option values are their names; its id and
   * legend are the first one's, its error the first problem among them.
   */
  checkboxFlags: (names: readonly KeysOf<V, boolean>[]) => BoundCheckboxList;
  /** A chosen file (`File | null`) for a {@link FileField}. */
  file: (name: KeysOf<V, File | null>, options?: BindOptions) => BoundFile;
  /** Reports the problems found before submitting; true when there are any (then stop). */
  failed: (problems: FieldError[]) => boolean;
}

/** Keeps a form's values and problems, and binds them to the field components. */
export function useForm<V extends object>(options: UseFormOptions<V>): FormState<V> {
  const { formKey = '', initial, serverErrors, mapServerField } = options;
  const [values, setValues] = useState<V>(initial);
  const fields = typeof options.fields === 'function' ? options.fields(values) : (options.fields ?? {});
  const problems = useFormProblems(formKey, fields);
  const { report, reportError: reportRaw } = problems;

  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
  }, []);

  const reset = () => setValues(typeof initial === 'function' ? (initial as () => V)() : initial);

  const reportError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        const known = serverErrors?.[error.code];
        if (known) {
          report({ fields: [{ path: known.path, code: known.code, params: error.params }], error: null });
          return;
        }
        if (mapServerField && error.fields.length > 0) {
          const seen = new Set<string>();
          const mapped: FieldError[] = [];
          for (const field of error.fields) {
            const next = mapServerField(field) ?? field;
            const key = `${next.path}:${next.code}`;
            if (seen.has(key)) continue;
            seen.add(key);
            mapped.push(next);
          }
          report({ fields: mapped, error: null });
          return;
        }
      }
      reportRaw(error);
    },
    [report, reportRaw, serverErrors, mapServerField],
  );

  const named = (name: string, path?: string) =>
    (path !== undefined ? fields[path] : undefined) ?? fields[name] ?? { id: name, label: name };

  /** Sets a value the user changed, then tells `onChanged`. */
  const change = (name: string, value: unknown, bind: BindOptions) => {
    set(name as keyof V, value as V[keyof V]);
    bind.onChanged?.();
  };

  const field = (name: KeysOf<V, string>, bind: BindOptions = {}): BoundField => {
    const { id, label } = named(name, bind.path);
    return {
      id,
      label,
      value: values[name as keyof V] as string,
      onChange: (event) => change(name, event.target.value, bind),
      error: problems.fieldMessage(bind.path ?? name),
    };
  };

  const radio = (name: KeysOf<V, string>, bind: BindOptions = {}): BoundRadio => {
    const { id, label } = named(name, bind.path);
    return {
      id,
      name: id,
      legend: label,
      value: values[name as keyof V] as string,
      onChange: (value) => change(name, value, bind),
      error: problems.fieldMessage(bind.path ?? name),
    };
  };

  const checkboxList = (name: KeysOf<V, string[]>, bind: CheckboxListOptions<V> = {}): BoundCheckboxList => {
    const { id, label } = named(name, bind.path);
    const other = bind.exclusiveOf;
    return {
      id,
      legend: label,
      values: values[name as keyof V] as string[],
      onChange: (chosen) => {
        setValues((current) => {
          const next = { ...current, [name]: chosen };
          if (other !== undefined) {
            const kept = (current[other as keyof V] as string[]).filter((v) => !chosen.includes(v));
            Object.assign(next, { [other]: kept });
          }
          return next;
        });
        bind.onChanged?.();
      },
      error: problems.fieldMessage(bind.path ?? name),
    };
  };

  const checkboxFlags = (names: readonly KeysOf<V, boolean>[]): BoundCheckboxList => {
    const { id, label } = named(names[0] ?? '');
    return {
      id,
      legend: label,
      values: names.filter((n) => values[n as keyof V] === true),
      onChange: (chosen) =>
        setValues((current) => ({
          ...current,
          ...Object.fromEntries(names.map((n) => [n, chosen.includes(n)])),
        })),
      error: names.map((n) => problems.fieldMessage(n)).find((message) => message !== undefined),
    };
  };

  const file = (name: KeysOf<V, File | null>, bind: BindOptions = {}): BoundFile => {
    const { id, label } = named(name, bind.path);
    return {
      id,
      name,
      label,
      onChange: (event) => change(name, event.target.files?.[0] ?? null, bind),
      error: problems.fieldMessage(bind.path ?? name),
    };
  };

  const checkbox = (name: KeysOf<V, boolean>): BoundCheckbox => ({
    ...named(name),
    checked: values[name as keyof V] as boolean,
    onChange: (event) => set(name as keyof V, event.target.checked as V[keyof V]),
  });

  const failed = (found: FieldError[]) => {
    if (found.length === 0) return false;
    report({ fields: found, error: null });
    return true;
  };

  return {
    ...problems,
    reportError,
    values,
    setValues,
    set,
    reset,
    field,
    radio,
    checkbox,
    checkboxList,
    checkboxFlags,
    file,
    failed,
  };
}
