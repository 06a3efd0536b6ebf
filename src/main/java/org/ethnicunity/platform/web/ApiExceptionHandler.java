package org.ethnicunity.platform.web;

import org.ethnicunity.platform.engine.RaceLost;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.engine.UnknownTask;
import org.ethnicunity.platform.security.AccessDenied;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns failures of {@code /api} into a clear message; never a stack trace. */
@RestControllerAdvice(basePackages = "org.ethnicunity.platform")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ApiError> rule(RuleViolation e) {
        return answer(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    /** Someone else claimed, did or decided it first; this caller's attempt changed nothing. */
    @ExceptionHandler(RaceLost.class)
    ResponseEntity<ApiError> raceLost(RaceLost e) {
        return answer(HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    @ExceptionHandler(UnknownTask.class)
    ResponseEntity<ApiError> unknownTask(UnknownTask e) {
        return answer(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<ApiError> denied(AccessDenied e) {
        return answer(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ApiError> notFound(NotFound e) {
        return answer(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> unreadable(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, "bad-request", "请求内容无法解析，请检查 JSON 格式和字段类型 / malformed request");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + "：" + f.getDefaultMessage()).reduce((a, b) -> a + "；" + b).orElse("请求无效");
        return answer(HttpStatus.BAD_REQUEST, "invalid", message);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("Unexpected failure in /api", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "服务器内部错误，已记录日志，请联系管理员 / internal error");
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiError(code, message));
    }
}
