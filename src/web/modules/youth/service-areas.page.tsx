import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { YouthCaseworker } from '../../../shared/youth/api';
import { SERVICE_AREAS } from '../../../shared/youth/model';
import { settle } from '../../api';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { useServiceAreas, useSetServiceArea } from './youth.api';

/** One caseworker's service area, chosen and saved in the row. */
function AreaRow({ user, onDone }: { user: YouthCaseworker; onDone: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const save = useSetServiceArea();
  const [area, setArea] = useState<string>(user.serviceArea ?? '');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const serviceArea = SERVICE_AREAS.find((a) => a === area) ?? null;
    settle(
      save,
      { userId: user.id, serviceArea },
      {
        onSuccess: () => onDone({ kind: 'success', key: 'youth.areaSaved', params: { name: user.name } }),
        onError: (error) => onDone({ kind: 'error', error }),
      },
    );
  };
  return (
    <tr>
      <td>{user.name}</td>
      <td>
        <form onSubmit={onSubmit} noValidate className="youth-area-form">
          <SelectField
            id={`youth-area-${user.id}`}
            label={t('youth.areaFor', { name: user.name })}
            labelHidden
            bare
            value={area}
            onChange={(event) => setArea(event.target.value)}
            placeholder={t('youth.areaNone')}
            options={SERVICE_AREAS.map((a) => ({ value: a, label: t(`youth.areas.${a}`) }))}
          />{' '}
          <button type="submit" className="button button-secondary">
            {t('youth.areaSave')}
          </button>
        </form>
      </td>
    </tr>
  );
}

/** /admin/serviceomraader: the administrator puts each caseworker in the child/youth or the adult area. */
export function ServiceAreasPage() {
  const { t } = useTranslation();
  const query = useServiceAreas();
  const [notice, setNotice] = useState<Notice | null>(null);
  const caption = t('youth.areasTitle');
  return (
    <Page title={t('youth.areasTitle')}>
      <p className="font-lead">{t('youth.areasIntro')}</p>
      <NoticeArea notice={notice} headingLevel={2} />
      <QueryState query={query}>
        {(users) => (
          <TableScroll label={caption}>
            <table className="table table--compact">
              <caption className="sr-only">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('youth.name')}</th>
                  <th scope="col">{t('youth.area')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <AreaRow key={u.id} user={u} onDone={setNotice} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryState>
    </Page>
  );
}
