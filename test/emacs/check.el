;;; check.el --- Emacs + eglot as an LSP client of api-error-insight  -*- lexical-binding: t -*-
;; Run by test/emacs/emacs.test.ts:
;;   emacs --batch -l check.el
;; with AEI_CONFIG (the user config of docs/editors.md), AEI_FILE (a Python
;; or TypeScript file) and AEI_OUT (where the result goes) in the environment,
;; and `api-error-insight' on PATH. Loads the config, opens the file, starts
;; eglot (eglot-ensure waits for a command loop that batch mode lacks), waits
;; for flymake diagnostics, asks eldoc for the hover at the first 429 and
;; writes both to AEI_OUT as JSON.

(require 'package)
(package-initialize)
(load (getenv "AEI_CONFIG") nil t)
(require 'eglot)
(require 'flymake)
(require 'eldoc)
(require 'json)

(defvar aei-result '())

(defun aei-wait (predicate seconds)
  "Process events until PREDICATE is true or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (funcall predicate)))

(setq eglot-sync-connect 30)
(setq eglot-autoshutdown t)

(find-file (getenv "AEI_FILE"))
(push (cons 'mode (symbol-name major-mode)) aei-result)
(apply #'eglot (eglot--guess-contact))
(push (cons 'connected (if (eglot-current-server) t :json-false)) aei-result)

;; Diagnostics arrive through flymake.
(aei-wait (lambda () (flymake-diagnostics)) 30)
(push (cons 'diagnostics
            (vconcat
             (mapcar (lambda (d)
                       `((line . ,(line-number-at-pos (flymake-diagnostic-beg d)))
                         (type . ,(symbol-name (flymake-diagnostic-type d)))
                         (text . ,(flymake-diagnostic-text d))))
                     (flymake-diagnostics))))
      aei-result)

;; Hover through eldoc: point on the 429 literal.
(goto-char (point-min))
(search-forward "429")
(backward-char 1)
(let ((docs nil))
  (let ((eldoc-display-functions
         (list (lambda (items _interactive)
                 (setq docs (mapconcat (lambda (item) (format "%s" (car item))) items "\n"))))))
    (eldoc t)
    (aei-wait (lambda () docs) 20))
  (push (cons 'hover (or docs :json-null)) aei-result))

(with-temp-file (getenv "AEI_OUT")
  (insert (json-encode aei-result)))
(let ((server (eglot-current-server)))
  (when server (ignore-errors (eglot-shutdown server))))
(kill-emacs 0)
