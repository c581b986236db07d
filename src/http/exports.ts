// GET downloads for people who live in spreadsheets and report packs. Each is built from the
// GraphQL API itself, run in-process as the caller (src/graphql/in-process.ts), so it holds exactly
// what that caller may see; it is streamed, so its size does not decide the server's memory.
import { Request, Response, Router } from 'express';
import { GraphQLSchema } from 'graphql';
import { CallerCache } from '../auth/caller-cache';
import { Config } from '../config';
import { Context, createContext } from '../context';
import { Db } from '../db/db';
import { badInput, notFound, unauthenticated } from '../errors';
import { createFormatError } from '../graphql/format-error';
import { InProcessQueries, operation } from '../graphql/in-process';
import { Logger } from '../logger';
import { writeCsv } from '../modules/exports/csv';
import { firstPageRead, rowsOf } from '../modules/exports/pages';
import { packChanges } from '../modules/reports/changes-query';
import { REPORT_QUERY } from '../modules/reports/report-query';
import { riskColumns, riskPages } from '../modules/exports/risk-export';
import { lineColumns, lineRowPages, reconciliationSheets } from '../modules/exports/savings-export';
import { StreamedWorkbook } from '../modules/exports/xlsx';
import { londonToday } from '../values/calendar-date';
import { FinancialYearFormatError, formatFinancialYear, parseFinancialYear } from '../values/financial-year';
import { identify, identityOf } from './identity';
import { requestRateLimit } from './rate-limit';

export interface ExportDependencies {
  schema: GraphQLSchema;
  db: Db;
  callers: CallerCache;
  config: Config;
  logger: Logger;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  BAD_USER_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  DATABASE_UNAVAILABLE: 503,
};

const PROGRAMME = operation<{ programme: { id: string; code: string; name: string } | null }, { id: string }>(
  `query ExportProgramme($id: ID!) { programme(id: $id) { id code name } }`,
);

/** A query parameter given once; null when repeated or empty (malformed), undefined when absent. */
function param(req: Request, name: string): string | null | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  return typeof value === 'string' && value !== '' ? value : null;
}

/** `?financialYear=` as the API writes it (2018/19), when given: 400 BAD_USER_INPUT unless it is one. */
function financialYearParam(req: Request): string | undefined {
  const value = param(req, 'financialYear');
  if (value === undefined) return undefined;
  try {
    return formatFinancialYear(parseFinancialYear(value));
  } catch (err) {
    if (!(err instanceof FinancialYearFormatError)) throw err;
    throw badInput('financialYear', err.message);
  }
}

/** Headers of a download: never cached anywhere, since it holds what one caller may see. */
function download(res: Response, type: string, filename: string): void {
  res.set({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  });
}

export function exportRoutes({ schema, db, callers, config, logger }: ExportDependencies): Router {
  const router = Router();
  const queries = new InProcessQueries(schema);
  const formatError = createFormatError(logger);

  /** A fresh context for the bearer's caller on every call; 401 (UNAUTHENTICATED) without a user token. */
  function authenticate(res: Response): () => Context {
    const { caller, failure } = identityOf(res);
    if (failure) throw failure;
    if (!caller) throw unauthenticated();
    return () => createContext(db, callers, caller, false);
  }

  /** The `?programmeId=` programme, when given: 404 unless the caller sees it. */
  async function programmeParam(req: Request, context: () => Context) {
    const id = param(req, 'programmeId');
    if (id === undefined) return undefined;
    const programme = id === null ? null : (await queries.run(PROGRAMME, { id }, context())).programme;
    if (!programme) throw notFound('programme');
    return programme;
  }

  /** Errors before the first byte are answered as GraphQL answers them; after it, the download is cut. */
  function fail(res: Response, err: unknown): void {
    const clientLeft = (err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE';
    const error = clientLeft ? undefined : formatError({ message: (err as Error).message ?? String(err) }, err);
    if (res.headersSent || !error) {
      res.destroy();
      return;
    }
    res.status(STATUS[String(error.extensions?.code)] ?? 500).json({ errors: [error] });
  }

  const route =
    (handler: (req: Request, res: Response, context: () => Context) => Promise<void>) => async (req: Request, res: Response) => {
      try {
        await handler(req, res, authenticate(res));
      } catch (err) {
        fail(res, err);
      }
    };

  router.use(
    ['/exports', '/reports'],
    identify(db, callers, config.adminSecret),
    ...(config.rateLimitPerMinute > 0 ? [requestRateLimit(config.rateLimitPerMinute)] : []),
  );

  router.get(
    '/exports/risks.csv',
    route(async (req, res, context) => {
      const programme = await programmeParam(req, context);
      const pages = await firstPageRead(riskPages(queries, context, programme?.id));
      download(res, 'text/csv; charset=utf-8', `risks-${londonToday()}.csv`);
      await writeCsv(riskColumns, rowsOf(pages), res);
    }),
  );

  router.get(
    '/exports/risks.xlsx',
    route(async (req, res, context) => {
      const programme = await programmeParam(req, context);
      const pages = await firstPageRead(riskPages(queries, context, programme?.id));
      download(res, XLSX, `risks-${londonToday()}.xlsx`);
      const book = new StreamedWorkbook(res);
      if (await book.sheet('Risks', riskColumns, pages)) await book.commit();
    }),
  );

  router.get(
    '/exports/savings.xlsx',
    route(async (req, res, context) => {
      const financialYear = financialYearParam(req);
      const programme = await programmeParam(req, context);
      const filter = { programmeId: programme?.id, financialYear };
      const reconciliations = await reconciliationSheets(queries, context(), filter);
      const lines = await firstPageRead(lineRowPages(queries, context, filter));
      download(res, XLSX, `savings-${londonToday()}.xlsx`);
      const book = new StreamedWorkbook(res);
      for (const { name, columns, rows } of reconciliations) {
        if (!(await book.sheet(name, columns, [rows], (row) => row.total === true))) return;
      }
      if (await book.sheet('Lines and deliveries', lineColumns, lines)) await book.commit();
    }),
  );

  router.get(
    '/reports/programmes/:id',
    route(async (req, res, context) => {
      // asked apart first: the pack's other fields answer an unseen programme with errors of their own
      const seen = (await queries.run(PROGRAMME, { id: String(req.params.id) }, context())).programme;
      if (!seen) throw notFound('programme');
      const data = await queries.run(REPORT_QUERY, { id: seen.id }, context());
      const { programme } = data;
      if (!programme) throw notFound('programme');
      const meetingId = param(req, 'meetingId');
      if (meetingId === null) throw notFound('meeting');
      const changes = await packChanges(queries, context, seen.id, meetingId);
      // preact is ES modules only: loaded when first asked for, which Node's require and jest's VM modules both allow
      const { renderReport } = await import('../modules/reports/programme-report');
      const html = renderReport({ ...data, programme, changes }, new Date());
      res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.send(html);
    }),
  );

  return router;
}
