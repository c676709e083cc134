import got from "got";
import express from "express";

const mailer = got.extend({
  prefixUrl: "https://api.postbird.example/v3",
  headers: { authorization: `Bearer ${process.env.POSTBIRD_KEY}` },
  timeout: { request: 10_000 },
  retry: {
    limit: 3,
    statusCodes: [408, 429, 500, 502, 503, 504],
  },
});

const app = express();
app.use(express.json());

app.post("/send", async (req, res) => {
  const { to, template, variables } = req.body;
  if (!to || !template) {
    res.status(400).json({ error: "to and template are required" });
    return;
  }
  try {
    // got does not retry POST by default, so a send is attempted exactly once.
    const result = await mailer
      .post("messages", { json: { to, template_id: template, variables } })
      .json();
    res.status(202).json({ id: result.id });
  } catch (err) {
    const status = err.response?.statusCode;
    res.status(status && status < 500 ? status : 502).json({ error: "send_failed" });
  }
});

app.get("/templates/:id", async (req, res) => {
  try {
    const tpl = await mailer.get(`templates/${req.params.id}`).json();
    res.json(tpl);
  } catch (err) {
    res.status(502).json({ error: "template lookup failed", detail: err.message });
  }
});

app.listen(process.env.PORT ?? 3000);
