import spriteUrl from 'dkfds-dist/img/all-svg-icons.svg';

/** Props of {@link Icon}. */
export interface IconProps {
  /** Symbol id in the DKFDS icon sprite, e.g. `info`, `error`, `lock`. */
  name: string;
  className?: string;
  /** Text alternative; without it the icon is decorative and hidden from assistive technology. */
  label?: string;
}

/** A DKFDS icon from the shared SVG sprite. */
export function Icon({ name, className, label }: IconProps) {
  const classes = className ? `icon-svg ${className}` : 'icon-svg';
  if (label) {
    return (
      <svg className={classes} focusable="false" role="img" aria-label={label}>
        <use href={`${spriteUrl}#${name}`} />
      </svg>
    );
  }
  return (
    <svg className={classes} focusable="false" aria-hidden="true">
      <use href={`${spriteUrl}#${name}`} />
    </svg>
  );
}
