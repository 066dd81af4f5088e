import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { Loading } from './loading';

/**
 * The `<Outlet />` of a layout whose pages load on first use: while a page's code is on its way, the
 * DKFDS spinner stands where the page will be, and the layout around it (header, side menu) stays.
 */
export function PageOutlet() {
  return (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  );
}
