import axios from "axios";

export class NotFound extends Error {}
export class Forbidden extends Error {}

export async function readTranscript(sessionId: string, token: string): Promise<string> {
  const res = await fetch(`https://sessions.example.com/v1/sessions/${sessionId}/transcript`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  switch (res.status) {
    case 200:
      return res.text();
    case 400:
      throw new Error("invalid_parameters");
    case 401:
    case 403:
      throw new Forbidden(`not allowed to read ${sessionId}`);
    case 404:
      throw new NotFound(sessionId);
    case 500:
    case 502:
    case 503:
      throw new Error("sessions API is having trouble, try again later");
    default:
      throw new Error(`unexpected status ${res.status}`);
  }
}

export async function closeSession(sessionId: string, token: string): Promise<boolean> {
  try {
    await axios.delete(`https://sessions.example.com/v1/sessions/${sessionId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return true;
  } catch (err) {
    if (axios.isAxiosError(err) && err.response?.status === 404) {
      return false;
    } else if (axios.isAxiosError(err) && err.response?.status === 409) {
      throw new Error("session is still recording");
    }
    throw err;
  }
}
