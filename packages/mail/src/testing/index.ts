export { startTestSmtpServer, tokenLink, type TestSmtpServer, type TestSmtpOptions } from "./smtp";
