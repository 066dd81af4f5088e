import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { RadioGroup } from '../../components/radio-group';
import {
  mapFieldErrors,
  type NumberKind,
  optionalText,
  rangeFor,
  readDate,
  readNumber,
} from '../../components/read-field';
import { FormDetails } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { formatPercent, formatWhole } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import {
  type Organisation,
  PIPELINE_KINDS,
  type PipelineKind,
  type PipelineProject,
  type UnitType,
  useCreatePipeline,
  useDeletePipeline,
  useOrganisations,
  usePipeline,
} from './housing.api';
import { organisationOptions, unitTypeOptions } from './housing-format';

const EMPTY_PROJECT = {
  kind: 'new_build',
  organisationId: '',
  name: '',
  unitType: 'family',
  units: '',
  readyDate: '',
  allocationPercent: '100',
  note: '',
};

function CreateProjectForm({ organisations }: { organisations: Organisation[] }) {
  const { t } = useTranslation();
  const create = useCreatePipeline();
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'housingPipeline',
    initial: EMPTY_PROJECT,
    fields: {
      kind: { id: 'project-kind', label: t('housing.pipeline.kind') },
      organisationId: { id: 'project-organisation', label: t('housing.pipeline.organisation') },
      name: { id: 'project-name', label: t('housing.pipeline.name') },
      unitType: { id: 'project-unit-type', label: t('housing.pipeline.unitType') },
      units: { id: 'project-units', label: t('housing.pipeline.units') },
      readyDate: { id: 'project-ready', label: t('housing.pipeline.readyDate') },
      allocationPercent: { id: 'project-allocation', label: t('housing.pipeline.allocation') },
      note: { id: 'project-note', label: t('housing.pipeline.note') },
    },
  });
  const { values, setValues } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    setNotice(null);
    const problems: FieldError[] = [];
    const name = values.name.trim();
    if (name === '') problems.push({ path: 'name', code: 'required' });
    const units = readNumber(values.units, 'positiveCount', 'units', problems);
    const readyDate = readDate(values.readyDate, 'readyDate', problems, true);
    const allocationPercent = readNumber(values.allocationPercent, 'percent', 'allocationPercent', problems);
    if (
      problems.length > 0 ||
      units === undefined ||
      readyDate === undefined ||
      allocationPercent === undefined
    ) {
      form.report({ fields: problems, error: null });
      return;
    }
    create.mutate(
      {
        kind: values.kind as PipelineKind,
        organisationId: values.organisationId === '' ? null : values.organisationId,
        name,
        unitType: values.unitType as UnitType,
        units,
        readyDate,
        allocationPercent,
        note: optionalText(values.note) ?? null,
      },
      {
        onSuccess: () => {
          form.clear();
          setValues(EMPTY_PROJECT);
          setNotice({ kind: 'success', key: 'housing.pipeline.created', params: { name } });
        },
        onError: (error) =>
          form.reportError(
            mapFieldErrors(error, (field) => {
              const kinds: Record<string, NumberKind> = {
                units: 'positiveCount',
                allocationPercent: 'percent',
              };
              return rangeFor(field, kinds[field.path]);
            }),
          ),
      },
    );
  };

  return (
    <FormDetails summary={t('housing.pipeline.create')}>
      <NoticeArea notice={notice} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <RadioGroup
          {...form.radio('kind')}
          options={PIPELINE_KINDS.map((kind) => ({
            value: kind,
            label: t(`housing.pipeline.kinds.${kind}`),
          }))}
          inline
        />
        <SelectField
          {...form.field('organisationId')}
          hint={t('housing.pipeline.organisationHint')}
          placeholder={t('housing.pipeline.noOrganisation')}
          options={organisationOptions(organisations)}
        />
        <TextField {...form.field('name')} autoComplete="off" widthClass="input-width-xl" />
        <SelectField {...form.field('unitType')} options={unitTypeOptions(t)} />
        <TextField
          {...form.field('units')}
          inputMode="numeric"
          autoComplete="off"
          widthClass="input-width-xs"
        />
        <DateField {...form.field('readyDate')} />
        <TextField
          {...form.field('allocationPercent')}
          hint={t('housing.pipeline.allocationHint')}
          inputMode="decimal"
          autoComplete="off"
          widthClass="input-width-xs"
        />
        <TextAreaField {...form.field('note')} rows={3} />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('housing.pipeline.submit')}
          </button>
        </div>
        {create.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

function ProjectTable({
  projects,
  canManage,
  onDelete,
}: {
  projects: PipelineProject[];
  canManage: boolean;
  onDelete: (project: PipelineProject) => void;
}) {
  const { t } = useTranslation();
  if (projects.length === 0) return <p>{t('housing.pipeline.none')}</p>;
  return (
    <TableScroll label={t('housing.pipeline.caption', { count: projects.length })}>
      <table className="table table--zebra table--compact">
        <caption className="sr-only">{t('housing.pipeline.caption', { count: projects.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('housing.pipeline.name')}</th>
            <th scope="col">{t('housing.pipeline.kind')}</th>
            <th scope="col">{t('housing.pipeline.organisation')}</th>
            <th scope="col">{t('housing.pipeline.unitType')}</th>
            <th scope="col" className="align-text-right">
              {t('housing.pipeline.units')}
            </th>
            <th scope="col">{t('housing.pipeline.readyDate')}</th>
            <th scope="col" className="align-text-right">
              {t('housing.pipeline.allocationShort')}
            </th>
            {canManage ? <th scope="col">{t('housing.pools.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {projects.map((project) => (
            <tr key={project.id}>
              <th scope="row">
                {project.name}
                {project.note ? <span className="d-block form-hint prewrap">{project.note}</span> : null}
              </th>
              <td>{t(`housing.pipeline.kinds.${project.kind}`)}</td>
              <td>{project.organisationName ?? <NoValue />}</td>
              <td>{t(`housing.unitTypes.${project.unitType}`)}</td>
              <td className="align-text-right">{formatWhole(project.units)}</td>
              <td>
                <DateText value={project.readyDate} />
              </td>
              <td className="align-text-right nowrap">{formatPercent(t, project.allocationPercent)}</td>
              {canManage ? (
                <td>
                  <button type="button" className="button button-secondary" onClick={() => onDelete(project)}>
                    {t('housing.pipeline.delete')}
                    <span className="sr-only"> {project.name}</span>
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** /boliger/nybyggeri: new-build and conversion projects that add to the expected supply. */
export function PipelinePage() {
  const { t } = useTranslation();
  const canManage = hasPermission(useSession().data?.user, 'housing.manage');
  const pipeline = usePipeline();
  const organisations = useOrganisations();
  const remove = useDeletePipeline();
  const [target, setTarget] = useState<PipelineProject | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const confirmDelete = () => {
    if (!target || remove.isPending) return;
    const name = target.name;
    remove.mutate(target.id, {
      onSuccess: () => setNotice({ kind: 'success', key: 'housing.pipeline.deleted', params: { name } }),
      onError: (error) => setNotice({ kind: 'error', error }),
      onSettled: () => setTarget(null),
    });
  };

  const projects = [...(pipeline.data?.items ?? [])].sort((a, b) => a.readyDate.localeCompare(b.readyDate));

  return (
    <Page title={t('housing.pipeline.title')}>
      <p className="font-lead">{t('housing.pipeline.intro')}</p>
      <NoticeArea notice={notice} headingLevel={2} />
      {canManage && organisations.data ? (
        <CreateProjectForm organisations={organisations.data.items} />
      ) : null}
      <QueryState query={pipeline} />
      {pipeline.data ? (
        <section aria-labelledby="pipeline-list-heading" className="citizen-section">
          <h2 id="pipeline-list-heading">{t('housing.pipeline.listHeading')}</h2>
          <ProjectTable projects={projects} canManage={canManage} onDelete={setTarget} />
        </section>
      ) : null}
      <ConfirmDialog
        open={target !== null}
        heading={t('housing.pipeline.deleteDialog.heading', { name: target?.name ?? '' })}
        confirmLabel={t('housing.pipeline.deleteDialog.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={confirmDelete}
        onCancel={() => setTarget(null)}
        busy={remove.isPending}
      >
        <p>{t('housing.pipeline.deleteDialog.text')}</p>
      </ConfirmDialog>
    </Page>
  );
}
