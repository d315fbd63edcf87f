export { startTestSmtpServer, type TestSmtpServer, type TestSmtpOptions } from "./smtp";
