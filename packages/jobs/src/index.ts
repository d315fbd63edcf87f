export { createJobBoss, ensureQueues } from "./boss";
export { enqueue, type EnqueueOptions, type SqlRunner } from "./enqueue";
export { payloadSchemas, queueSettings, schedules, type JobPayload, type QueueName, type QueueSettings, type Schedule } from "./queues";
