import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";
import axios from "axios";

const LEDGER_URL = process.env.LEDGER_URL!;

function json(statusCode: number, body: unknown): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
}

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const paymentId = event.pathParameters?.paymentId;
  if (!paymentId) return json(400, { message: "paymentId is required" });

  try {
    const { data } = await axios.get(`${LEDGER_URL}/payments/${paymentId}`, {
      headers: { "x-api-key": process.env.LEDGER_KEY },
      timeout: 5000,
    });
    return json(200, data);
  } catch (err) {
    if (!axios.isAxiosError(err) || !err.response) throw err;
    switch (err.response.status) {
      case 400:
        return json(400, { message: "malformed payment id" });
      case 404:
        return json(404, { message: "payment not found" });
      case 409:
        return json(409, { message: "payment is being reconciled" });
      default:
        throw err;
    }
  }
};
