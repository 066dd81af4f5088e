import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

/** Props of {@link TableScroll}. */
export interface TableScrollProps {
  /** What the table shows (its caption), the name of the scrolling region. */
  label: string;
  children?: ReactNode;
}

/**
 * DKFDS' horizontally scrolling table container. When the table is wider than the page, the
 * container becomes a named region that the keyboard can reach and scroll (WCAG 2.1.1); a table that
 * fits adds no extra tab stop.
 */
export function TableScroll({ label, children }: TableScrollProps) {
  const ref = useRef<HTMLElement>(null);
  const [scrolls, setScrolls] = useState(false);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of Array.from(element.children)) observer.observe(child);
    return () => observer.disconnect();
  }, []);

  // A section without a name is no landmark; named, it is a region the keyboard can scroll.
  return (
    <section
      ref={ref}
      className="table--responsive-scroll"
      aria-label={scrolls ? label : undefined}
      tabIndex={scrolls ? 0 : undefined}
    >
      {children}
    </section>
  );
}
