/** The PostgreSQL schema that holds pg-boss's tables (jobs, queues, schedules), beside Prisma's `public`. */
export const JOB_SCHEMA = "pgboss";
