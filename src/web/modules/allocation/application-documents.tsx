/** The documents attached to an application, and attaching one. */
import type { TFunction } from 'i18next';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '../../../shared/allocation/api';
import { ApiError } from '../../api';
import { Alert } from '../../components/alert';
import { ErrorSummary } from '../../components/error-summary';
import { FileField } from '../../components/file-field';
import { Loading } from '../../components/loading';
import { FormDetails, Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { useForm } from '../../components/use-form';
import { formatWhole } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { DateTimeText } from './application-format';
import { documentHref, useUploadDocument } from './applications.api';

/** What can be attached, as the server accepts it. */
const DOCUMENT_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'docx', 'xlsx', 'txt'];
const DOCUMENT_ACCEPT = DOCUMENT_EXTENSIONS.map((e) => `.${e}`).join(',');
const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

function formatSize(t: TFunction, bytes: number): string {
  return bytes < 1024 * 1024
    ? t('applications.documents.kilobytes', { value: formatWhole(Math.max(1, Math.round(bytes / 1024))) })
    : t('applications.documents.megabytes', {
        value: new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024),
      });
}

function UploadForm({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const upload = useUploadDocument(applicationId);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const form = useForm<{ file: File | null }>({
    formKey: 'applications.documents',
    initial: { file: null },
    fields: { file: { id: 'application-document', label: t('applications.documents.file') } },
  });
  const file = form.values.file;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (upload.isPending) return;
    setUploaded(null);
    const extension = file?.name.split('.').pop()?.toLowerCase() ?? '';
    const problem = !file
      ? 'required'
      : !DOCUMENT_EXTENSIONS.includes(extension)
        ? 'file_type'
        : file.size > DOCUMENT_MAX_BYTES
          ? 'too_big'
          : null;
    if (form.failed(problem ? [{ path: 'file', code: problem }] : []) || !file) return;
    upload.mutate(file, {
      onSuccess: () => {
        form.clear();
        setUploaded(file.name);
        form.set('file', null);
        if (input.current) input.current.value = '';
      },
      onError: (err) => {
        if (err instanceof ApiError && err.fields.length === 0 && err.code === 'V_VALIDATION')
          form.report({ fields: [{ path: 'file', code: 'file_type' }], error: null });
        else form.reportError(err);
      },
    });
  };

  return (
    <FormDetails summary={t('applications.documents.add')}>
      <div role="status">
        {uploaded ? (
          <Alert variant="success" headingLevel={3}>
            <p>{t('applications.documents.uploaded', { name: uploaded })}</p>
          </Alert>
        ) : null}
      </div>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <FileField
          {...form.file('file')}
          ref={input}
          hint={t('applications.documents.fileHint')}
          accept={DOCUMENT_ACCEPT}
        />
        <div className="mt-5">
          <button type="submit" className="button button-primary" disabled={upload.isPending}>
            {t('applications.documents.submit')}
          </button>
        </div>
        {upload.isPending ? <Loading text={t('applications.documents.uploading')} /> : null}
      </form>
    </FormDetails>
  );
}

export function DocumentsSection({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const canUpload = hasPermission(useSession().data?.user, 'allocation.apply');
  return (
    <Section id="application-documents" heading={t('applications.documents.heading')}>
      {application.documents.length === 0 ? (
        <p>{t('applications.documents.none')}</p>
      ) : (
        <TableScroll label={t('applications.documents.caption')}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{t('applications.documents.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('applications.documents.name')}</th>
                <th scope="col">{t('applications.documents.size')}</th>
                <th scope="col">{t('applications.documents.uploadedAt')}</th>
                <th scope="col">{t('applications.documents.uploadedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {application.documents.map((document) => (
                <tr key={document.id}>
                  <th scope="row">
                    <a href={documentHref(application.id, document.id)} download={document.fileName}>
                      {document.fileName}
                    </a>
                  </th>
                  <td className="nowrap">{formatSize(t, document.size)}</td>
                  <td>
                    <DateTimeText value={document.uploadedAt} />
                  </td>
                  <td>{document.uploadedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canUpload ? <UploadForm applicationId={application.id} /> : null}
    </Section>
  );
}
