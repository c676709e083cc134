// Presence lookups for the chat sidebar (who is online right now).
const axios = require('axios');

const api = axios.create({
  baseURL: process.env.PRESENCE_URL || 'http://presence.svc:8080',
  timeout: 2000,
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The presence service sheds load with 503 + Retry-After during deploys.
async function fetchPresence(userIds) {
  try {
    const { data } = await api.get('/v1/presence', { params: { ids: userIds.join(',') } });
    return data.users;
  } catch (err) {
    if (err.response && err.response.status === 503) {
      const seconds = Number(err.response.headers['retry-after'] || 2);
      await sleep(seconds * 1000);
      return fetchPresence(userIds);
    }
    throw err;
  }
}

function chunk(list, size) {
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

async function presenceFor(userIds) {
  const result = {};
  for (const part of chunk(userIds, 100)) {
    const users = await fetchPresence(part);
    for (const u of users) result[u.id] = u.status;
  }
  return result;
}

module.exports = { presenceFor, fetchPresence };
