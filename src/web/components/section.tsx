import type { ReactNode } from 'react';

/** A section of a record page with its h2, which names the section for screen readers. */
export function Section({ id, heading, children }: { id: string; heading: string; children?: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="citizen-section">
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
    </section>
  );
}

/**
 * A form that opens on demand (DKFDS details), so the page shows the record first and the many
 * small forms do not crowd it. Native `<details>` is keyboard and screen reader friendly.
 */
export function FormDetails({ summary, children }: { summary: string; children?: ReactNode }) {
  return (
    <details className="details citizen-form">
      <summary className="details-summary">{summary}</summary>
      <div className="details-text">{children}</div>
    </details>
  );
}

/** One row of a {@link Facts} list. */
export interface Fact {
  label: string;
  value: ReactNode;
}

/** Label/value pairs as a DKFDS structured list. */
export function Facts({ items, label }: { items: Fact[]; label: string }) {
  return (
    <table className="table structured-list citizen-facts">
      <caption className="sr-only">{label}</caption>
      <tbody>
        {items.map((item) => (
          <tr key={item.label}>
            <th scope="row">{item.label}</th>
            <td>{item.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
