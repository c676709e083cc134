// commands/roster.js: lists guild members with a given role
const API = "https://discord.com/api/v10";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function discordGet(path, token, maxRetries = 3) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${API}${path}`, { headers: { Authorization: `Bot ${token}` } });
    if (res.status === 429 && attempt < maxRetries) {
      const body = await res.json();
      await sleep(Math.ceil(body.retry_after * 1000));
      continue;
    }
    if (!res.ok) {
      throw new Error(`Discord API ${path} -> ${res.status}`);
    }
    return res.json();
  }
}

async function listMembersWithRole(guildId, roleId, token) {
  const members = [];
  let after = "0";
  while (true) {
    const page = await discordGet(`/guilds/${guildId}/members?limit=1000&after=${after}`, token);
    if (page.length === 0) break;
    members.push(...page.filter((m) => m.roles.includes(roleId)));
    after = page[page.length - 1].user.id;
  }
  return members;
}

module.exports = {
  name: "roster",
  async execute(interaction) {
    const role = interaction.options.getRole("role");
    const members = await listMembersWithRole(interaction.guildId, role.id, process.env.DISCORD_TOKEN);
    await interaction.reply(members.map((m) => `<@${m.user.id}>`).join(", ") || "nobody");
  },
};
